// Registers the seven-questions views (to be filled in by its owner).
export {};
