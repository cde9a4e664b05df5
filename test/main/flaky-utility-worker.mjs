// test/pipeline/flaky-worker.mjs for a utility process: crashes on any file whose
// name contains "crash" and hangs on one containing "hang", listening where a
// utility process gets its messages (process.parentPort). The real worker does the rest.
process.parentPort.on('message', ({ data: message }) => {
  if (message?.type !== 'job') return;
  if (message.path.includes('crash')) process.kill(process.pid, 'SIGSEGV');
  if (message.path.includes('hang')) for (;;);
});
await import(new URL('../../out/engine/parse-worker.js', import.meta.url).href);
