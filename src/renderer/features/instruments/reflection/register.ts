// Registers the reflection views (to be filled in by its owner).
export {};
