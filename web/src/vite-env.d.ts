// Types for what Vite handles at build time (the stylesheet import in main.tsx, import.meta.env).
/// <reference types="vite/client" />
