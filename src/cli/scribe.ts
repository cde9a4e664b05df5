// Placeholder; the pipeline issue builds the command line.
console.log('scribe: not yet');
