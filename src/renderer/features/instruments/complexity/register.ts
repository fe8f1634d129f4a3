// Registers the complexity views (to be filled in by its owner).
export {};
