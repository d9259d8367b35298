/** Files as a multipart/form-data body, as a browser's form sends them, for injecting uploads. */
export function multipart(files: readonly { name: string; bytes: Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'fund-ledger-upload-7d1f0c';
  const parts = files.flatMap((file) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.bytes,
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
