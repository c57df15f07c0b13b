/**
 * Reading an order file in the browser (it never leaves as a file: its text is sent). UTF-8
 * first; a file that does not decode as UTF-8 (U+FFFD replacement characters appear) is read
 * again as Windows-1252, what Excel on Windows writes for "CSV" in Western Europe.
 */
export interface FileText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

function readAs(file: Blob, encoding: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error(encoding));
    reader.readAsText(file, encoding);
  });
}

export async function readFileText(file: Blob): Promise<FileText> {
  const utf8 = await readAs(file, 'utf-8');
  if (!utf8.includes('\ufffd')) return { text: utf8, encoding: 'utf-8' };
  return { text: await readAs(file, 'windows-1252'), encoding: 'windows-1252' };
}
