// Vite's client types (import.meta.env) for the renderer.
/// <reference types="vite/client" />
