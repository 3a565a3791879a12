import { describe, expect, test } from 'vitest'
import { MAX_ATTACHMENT_BYTES, checkAttachment, contentDisposition, extensionOf, sanitiseFileName } from './attachment.ts'

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR')
const JPG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n')
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])
const EMPTY_ZIP = bytes([0x50, 0x4b, 0x05, 0x06], Array(18).fill(0))
const EXE = bytes('MZ', [0x90, 0x00, 0x03, 0x00])

describe('checkAttachment', () => {
  test.each([
    ['scherm.png', PNG, 'image/png'],
    ['foto.jpg', JPG, 'image/jpeg'],
    ['foto.JPEG', JPG, 'image/jpeg'],
    ['factuur.pdf', PDF, 'application/pdf'],
    ['export.zip', ZIP, 'application/zip'],
    ['leeg.zip', EMPTY_ZIP, 'application/zip'],
    ['notitie.txt', bytes('Fout 500 bij het indienen.\n'), 'text/plain; charset=utf-8'],
    ['server.log', bytes('2026-11-30 09:00 ERROR café\r\n'), 'text/plain; charset=utf-8'],
    ['boekingen.csv', bytes([0xef, 0xbb, 0xbf], 'datum;bedrag\n2026-11-30;12,50\n'), 'text/csv; charset=utf-8'],
  ])('accepts %s as %s, in our type', (name, content, contentType) => {
    expect(checkAttachment(name, content)).toEqual({ ok: true, contentType, fileName: name.replace('JPEG', 'jpeg') })
  })

  test.each([
    ['an executable', 'setup.exe', EXE],
    ['a web page', 'pagina.html', bytes('<script>alert(1)</script>')],
    ['an svg, which can carry script', 'logo.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a name without extension', 'README', bytes('tekst')],
    ['a double extension ending wrong', 'scherm.png.exe', EXE],
  ])('refuses %s as a type not allowed', (_what, name, content) => {
    expect(checkAttachment(name, content)).toEqual({ ok: false, code: 'type_not_allowed' })
  })

  test.each([
    ['an executable renamed to .png', 'scherm.png', EXE],
    ['a png named .jpg', 'foto.jpg', PNG],
    ['a png named .pdf', 'factuur.pdf', PNG],
    ['an executable named .zip', 'export.zip', EXE],
    ['a binary named .txt (NUL bytes)', 'notitie.txt', bytes('abc', [0], 'def')],
    ['a UTF-16 log', 'server.log', bytes([0xff, 0xfe, 0x46, 0x00, 0x6f, 0x00])],
    ['a Windows-1252 csv', 'boekingen.csv', bytes('caf', [0xe9], ';12\n')],
    ['a file shorter than the magic', 'scherm.png', bytes([0x89, 0x50])],
  ])('refuses %s as content that does not match', (_what, name, content) => {
    expect(checkAttachment(name, content)).toEqual({ ok: false, code: 'content_mismatch' })
  })

  test('refuses an empty file', () => {
    expect(checkAttachment('notitie.txt', new Uint8Array(0))).toEqual({ ok: false, code: 'empty' })
  })

  test('accepts exactly 10 MB and refuses one byte more', () => {
    const full = new Uint8Array(MAX_ATTACHMENT_BYTES).fill(0x61)
    expect(checkAttachment('groot.txt', full).ok).toBe(true)
    expect(checkAttachment('groot.txt', new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x61))).toEqual({ ok: false, code: 'too_large' })
  })

  test('gives the sanitised name', () => {
    expect(checkAttachment('../../"scherm" afdruk.png', PNG)).toMatchObject({ ok: true, fileName: 'scherm-afdruk.png' })
  })
})

describe('extensionOf', () => {
  test.each([
    ['scherm.PNG', 'png'],
    ['C:\\Users\\tom\\bon.pdf', 'pdf'],
    ['map.v2/notitie', ''],
    ['.png', ''],
    ['archief.tar.gz', 'gz'],
  ])('%s → %s', (name, extension) => {
    expect(extensionOf(name)).toBe(extension)
  })
})

describe('sanitiseFileName', () => {
  test.each([
    ['scherm afdruk.png', 'scherm-afdruk.png'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['..\\..\\windows\\win.log', 'win.log'],
    ['"quote" \'me\'.png', 'quote-me.png'],
    ['rapport<script>.pdf', 'rapportscript.pdf'],
    ['.verborgen.txt', 'verborgen.txt'],
    ['-rf.log', 'rf.log'],
    ['Overzicht café.csv', 'Overzicht-café.csv'],
    ['rapport.v2.PDF', 'rapport.v2.pdf'],
    ['naam\u202Egnp.exe.txt', 'naamgnp.exe.txt'],
    ['"".png', 'attachment.png'],
    ['a\r\nContent-Type: evil.txt', 'a-Content-Type-evil.txt'],
  ])('%j → %j', (name, sanitised) => {
    expect(sanitiseFileName(name)).toBe(sanitised)
  })

  test('keeps the extension when it shortens a long name to 120 characters', () => {
    const name = sanitiseFileName(`${'x'.repeat(300)}.pdf`)
    expect(name).toHaveLength(120)
    expect(name.endsWith('xxx.pdf')).toBe(true)
  })
})

describe('contentDisposition', () => {
  test.each([
    ['scherm-afdruk.png', `attachment; filename="scherm-afdruk.png"; filename*=UTF-8''scherm-afdruk.png`],
    ['Overzicht-café.csv', `attachment; filename="Overzicht-caf_.csv"; filename*=UTF-8''Overzicht-caf%C3%A9.csv`],
    ['a"b\\c.txt', `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`],
    ["it's(1).txt", `attachment; filename="it's(1).txt"; filename*=UTF-8''it%27s%281%29.txt`],
  ])('%s', (name, header) => {
    expect(contentDisposition(name)).toBe(header)
  })
})
