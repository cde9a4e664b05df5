// A parse worker that misbehaves on cue, for crash-isolation tests: it crashes on
// any file whose name contains "crash" and hangs forever on one containing "hang".
// Every other message goes to the real worker, imported below.
process.on('message', (message) => {
  if (message?.type !== 'job') return;
  if (message.path.includes('crash')) process.kill(process.pid, 'SIGSEGV');
  if (message.path.includes('hang')) for (;;);
});
await import(process.env.SCRIBE_REAL_WORKER ?? new URL('../../out/engine/parse-worker.js', import.meta.url).href);
