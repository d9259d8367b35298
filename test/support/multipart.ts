/** Files (and text fields before them) as a multipart/form-data body, as a browser's form sends them, for injecting uploads. */
export function multipart(files: readonly { name: string; bytes: Buffer }[], fields: Readonly<Record<string, string>> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'fund-ledger-upload-7d1f0c';
  const texts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const parts = files.flatMap((file) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.bytes,
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...texts, ...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
