import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, type CsvResult } from '../../src/domain/orders/import/csv';

function rows(text: string): string[][] {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unterminated quote on line ${r.error.line}`);
  return r.rows;
}

describe('parseCsv: RFC 4180', () => {
  it('reads plain fields and keeps them untrimmed text', () => {
    expect(rows('a,b,c\n1, 2 ,-A1\n')).toEqual([['a', 'b', 'c'], ['1', ' 2 ', '-A1']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and newlines', () => {
    const text = 'id,note,addr\n1,"He said ""hi""","12 Example Street, Apt 4"\n2,"line one\nline two\r\nline three",x\n';
    expect(rows(text)).toEqual([
      ['id', 'note', 'addr'],
      ['1', 'He said "hi"', '12 Example Street, Apt 4'],
      ['2', 'line one\nline two\r\nline three', 'x'],
    ]);
  });

  it('accepts CRLF, LF and lone CR record ends, mixed', () => {
    expect(rows('a,b\r\n1,2\n3,4\r5,6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('strips a UTF-8 BOM before the header', () => {
    expect(rows('\uFEFF"Name",Email\n#1,x@example.com')).toEqual([['Name', 'Email'], ['#1', 'x@example.com']]);
  });

  it('keeps empty fields, empty quoted fields and a trailing empty field', () => {
    expect(rows('a,b,c\n,"",\nx,,\n')).toEqual([['a', 'b', 'c'], ['', '', ''], ['x', '', '']]);
    expect(rows('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('ignores trailing empty lines (and trailing all-empty records) but keeps blank lines in the middle', () => {
    const r = parseCsv('a,b\n1,2\n\n3,4\n\n\r\n,\n');
    expect(r.ok && r.rows).toEqual([['a', 'b'], ['1', '2'], [''], ['3', '4']]);
    expect(r.ok && r.lines).toEqual([1, 2, 3, 4]);
  });

  it('gives the physical line where each record starts, counting newlines inside quotes', () => {
    const r = parseCsv('h1,h2\n"a\nb",1\r\n"c\r\nd",2\nlast,3');
    expect(r.ok && r.lines).toEqual([1, 2, 4, 6]);
  });

  it('keeps a quote in the middle of an unquoted field, and text after a closing quote', () => {
    expect(rows('a,b\n12" ruler,"x"y')).toEqual([['a', 'b'], ['12" ruler', 'xy']]);
  });

  it('reports an unterminated quote with the line where it opens', () => {
    const r: CsvResult = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('unterminated_quote');
      expect(r.error.line).toBe(3);
    }
  });

  it('returns no records for an empty text or a lone BOM', () => {
    expect(rows('')).toEqual([]);
    expect(rows('\uFEFF')).toEqual([]);
    expect(rows('\n\r\n')).toEqual([]);
  });
});

describe('delimiters', () => {
  it('detects , ; and TAB on the header line, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('"a,b";c;d\n1,2,3,4')).toBe(';');
    expect(detectDelimiter('order-id\torder-item-id\tsku\n')).toBe('\t');
    expect(detectDelimiter('\uFEFFa;b')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('reads semicolon files with decimal commas as text', () => {
    expect(rows('SKU;Prix\r\nSAVON;"12,50"\r\nBOUGIE;8,10\r\n')).toEqual([['SKU', 'Prix'], ['SAVON', '12,50'], ['BOUGIE', '8,10']]);
  });

  it('TAB: quotes inside a value are literal (Amazon never quotes)', () => {
    const text = 'sku\tproduct-name\tqty\nRULER-12\tSteel Desk Ruler 12" - Metric\t1\nMUG\t"Best" Mug\t2\n';
    expect(rows(text)).toEqual([['sku', 'product-name', 'qty'], ['RULER-12', 'Steel Desk Ruler 12" - Metric', '1'], ['MUG', '"Best" Mug', '2']]);
  });

  it('TAB: a field quoted the way Excel writes it is unquoted; a quote that never closes is text', () => {
    expect(rows('a\tb\n"x\ty ""z"""\t1\n"open\t2\n')).toEqual([['a', 'b'], ['x\ty "z"', '1'], ['"open', '2']]);
  });

  it('an explicit delimiter wins over detection', () => {
    const r = parseCsv('a;b,c\n1;2,3', { delimiter: ',' });
    expect(r.ok && r.rows).toEqual([['a;b', 'c'], ['1;2', '3']]);
  });
});
