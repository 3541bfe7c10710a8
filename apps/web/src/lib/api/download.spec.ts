import { filenameFromDisposition } from './download';

describe('downloaded file names', () => {
  it('takes the name from Content-Disposition, without folders', () => {
    expect(filenameFromDisposition('attachment; filename="ruta-by-sex-2026-01-2026-06.csv"', 'f.csv')).toBe('ruta-by-sex-2026-01-2026-06.csv');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''resumen%20a%C3%B1o.pdf; filename=\"resumen.pdf\"", 'f.pdf')).toBe('resumen año.pdf');
    expect(filenameFromDisposition('attachment; filename=plain.csv', 'f.csv')).toBe('plain.csv');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'f.csv')).toBe('.._.._etc_passwd');
    expect(filenameFromDisposition(null, 'f.csv')).toBe('f.csv');
    expect(filenameFromDisposition('attachment', 'f.csv')).toBe('f.csv');
  });
});
