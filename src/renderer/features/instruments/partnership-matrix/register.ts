// Registers the partnership-matrix views (to be filled in by its owner).
export {};
