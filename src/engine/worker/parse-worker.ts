// Placeholder entry; the pipeline fills it in.
export {};
