// Registers the personas views (to be filled in by its owner).
export {};
