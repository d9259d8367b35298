/** Files as a multipart/form-data body, for injecting uploads. */
/** A multipart body holding the files, as a browser's form would send it. */
export async function multipart(files: readonly { name: string; bytes: Buffer }[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const file of files) form.append('file', new Blob([file.bytes]), file.name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type') ?? '' } };
}
