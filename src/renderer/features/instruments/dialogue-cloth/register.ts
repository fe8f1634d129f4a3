// Registers the dialogue-cloth views (to be filled in by its owner).
export {};
