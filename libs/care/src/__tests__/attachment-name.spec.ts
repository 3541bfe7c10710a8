import { ATTACHMENT_NAME_MAX, attachmentDisposition, attachmentName } from '../attachment-name';

describe('attachment names (issue 9, finding 7)', () => {
  it.each([
    ['niña.png', 'image/png', 'niña.png'],
    ['nin\u0303a.png', 'image/png', 'niña.png'],
    ['informe.html', 'image/png', 'informe.png'],
    ['informe', 'application/pdf', 'informe.pdf'],
    ['foto.JPEG', 'image/jpeg', 'foto.jpeg'],
    ['foto.png', 'image/jpeg', 'foto.jpg'],
    ['Sr. Pérez informe final', 'application/pdf', 'Sr. Pérez informe final.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\ana\\acta.pdf', 'application/pdf', 'acta.pdf'],
    ['..', 'application/pdf', 'adjunto.pdf'],
    ['.htaccess', 'application/pdf', 'htaccess.pdf'],
    ['', 'image/png', 'adjunto.png'],
    [undefined, 'image/png', 'adjunto.png'],
    ['a\u0000b\r\nc\u202Egnp.exe', 'image/png', 'abcgnp.png'],
    ['acta "firmada" <1>.pdf', 'application/pdf', 'acta _firmada_ _1_.pdf'],
    ['lone \uD800 surrogate\uFFFD.pdf', 'application/pdf', 'lone surrogate.pdf'],
    ['   espacios   .pdf', 'application/pdf', 'espacios.pdf'],
  ])('%j as %s is %j', (raw, type, expected) => {
    expect(attachmentName(raw, type)).toBe(expected);
  });

  it('bounds the length, keeps whole characters and the right extension', () => {
    const name = attachmentName(`${'ñ'.repeat(200)}😀${'x'.repeat(50)}.html`, 'image/png');
    expect([...name].length).toBeLessThanOrEqual(ATTACHMENT_NAME_MAX);
    expect(name.endsWith('.png')).toBe(true);
    const emoji = attachmentName(`${'a'.repeat(ATTACHMENT_NAME_MAX - 5)}😀😀😀.pdf`, 'application/pdf');
    expect([...emoji].length).toBe(ATTACHMENT_NAME_MAX);
    expect(emoji).not.toMatch(/\p{Cs}/u);
  });

  it('is stable: a served name cleaned again does not change', () => {
    for (const raw of ['niña.png', 'informe.html', '../x/y.jpeg', `${'z'.repeat(300)}.pdf`]) {
      const once = attachmentName(raw, 'image/png');
      expect(attachmentName(once, 'image/png')).toBe(once);
    }
  });

  it('serves an ASCII filename and the exact name in filename* (RFC 6266, RFC 8187)', () => {
    expect(attachmentDisposition('niña.png')).toBe(`attachment; filename="nina.png"; filename*=UTF-8''ni%C3%B1a.png`);
    expect(attachmentDisposition("informe (O'Brien)*.pdf"))
      .toBe(`attachment; filename="informe (O_Brien)_.pdf"; filename*=UTF-8''informe%20%28O%27Brien%29%2A.pdf`);
    expect(attachmentDisposition('签证.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E7%AD%BE%E8%AF%81.pdf`);
  });
});
