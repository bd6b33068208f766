import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { ActaContent } from '@okr/core';
import { actaDocx } from './actaDocx.js';

const acta: ActaContent = {
  plenaria: { id: 'p1', kind: 'menor', unitId: 'al-suba', date: '2026-11-20', modality: 'virtual', location: 'https://teams.microsoft.com/l/meetup-join/suba' },
  unitName: 'Alcaldía Local de Suba',
  startTime: '09:00',
  endTime: '11:00',
  objective: 'Revisar el avance de los OKR del cuarto trimestre.',
  attendees: [
    { name: 'Carlos Vargas Díaz', role: 'Alcalde Local' },
    { name: 'Diana Martínez Rojas', role: 'Enlace OKR' },
  ],
  guests: ['Invitada de la Personería'],
  agenda: ['Saludo', 'Revisión de OKR', 'Reconocimientos'],
  development: 'Se revisó cada objetivo táctico.\nEl equipo acordó reforzar la respuesta a PQRS.',
  okrResults: [{ objective: 'Agilizar la respuesta a los requerimientos ciudadanos', keyResult: 'Responder a tiempo el 95 % de las PQRS', progress: '45 %', status: 'Atrasado' }],
  proposals: [],
  cfr: { conversations: 'Conversación sobre cargas de trabajo.', feedback: 'Mejorar la calidad de las evidencias.', recognitions: [{ to: 'Equipo de PQRS', reason: 'Redujo el rezago a la mitad.' }] },
  decisions: ['Priorizar las PQRS vencidas.'],
  commitments: [{ task: 'Depurar el rezago de PQRS', owner: 'Diana Martínez Rojas', due: '2026-12-15' }],
  presiding: { name: 'Carlos Vargas Díaz', title: 'Alcalde Local de Suba' },
  secretary: { name: 'Diana Martínez Rojas', title: 'Enlace OKR' },
  documentVersion: 1,
};

const text = (x: string) => [...x.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');

async function documentText(buffer: Buffer): Promise<{ body: string; header: string; xml: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  return { body: text(xml), header: headers.map(text).join(' '), xml };
}

/** The document's tables, each as its rows' XML. */
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => r[1]!));
/** The paragraphs of the body, in order, with whether Word keeps each with the next. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => ({ text: text(p[1]!), keepNext: p[1]!.includes('<w:keepNext/>') }));

describe('acta export as .docx (GDI-GPD-F029)', () => {
  it('produces a Word file with the format header and every section of the acta', async () => {
    const buffer = await actaDocx(acta, { secretary: { personId: 'enlace-al-suba', at: '2026-11-20T18:00:00Z' }, presiding: { personId: 'lider-al-suba', at: '2026-11-21T14:30:00Z' } });
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const { body, header } = await documentText(buffer);
    expect(header).toContain('GDI-GPD-F029');
    expect(header).toContain('EVIDENCIA DE REUNIÓN');
    expect(header).toContain('SECRETARÍA DISTRITAL DE GOBIERNO');
    for (const expected of [
      'Alcaldía Local de Suba',
      'Plenaria menor',
      'Virtual',
      'Hora 9:00 a. m. a 11:00 a. m.',
      'https://teams.microsoft.com/l/meetup-join/suba',
      'Revisar el avance de los OKR del cuarto trimestre.',
      'Invitada de la Personería',
      'Responder a tiempo el 95 % de las PQRS',
      'Atrasado',
      'Equipo de PQRS',
      'Redujo el rezago a la mitad.',
      'Priorizar las PQRS vencidas.',
      'Depurar el rezago de PQRS',
      '15 de diciembre de 2026',
      '20 de noviembre de 2026',
      'Firmado electrónicamente en Microsoft Teams el 21 de noviembre de 2026 a las 9:30 a. m. (hora de Bogotá)',
      'el 20 de noviembre de 2026 a la 1:00 p. m. (hora de Bogotá)',
    ]) {
      expect(body).toContain(expected);
    }
  });

  it('shows proposals instead of OKR results for a dialogue session, and pending signatures', async () => {
    const dialogue: ActaContent = { ...acta, plenaria: { ...acta.plenaria, kind: 'dialogo' }, proposals: ['Ampliar los horarios de atención en la alcaldía'], okrResults: [] };
    const { body } = await documentText(await actaDocx(dialogue, { secretary: null, presiding: null }));
    expect(body).toContain('Propuestas');
    expect(body).toContain('Ampliar los horarios de atención en la alcaldía');
    expect(body).not.toContain('Resultados de los OKR revisados');
    expect(body).toContain('Pendiente de firma');
  });

  it('is laid out for print: Carta pages, the form\'s code, version and date in the header, page X of Y', async () => {
    const buffer = await actaDocx(acta, { secretary: null, presiding: null });
    const { xml, header } = await documentText(buffer);
    expect(xml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    const zip = await JSZip.loadAsync(buffer);
    const footer = (await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')))).join('');
    expect(footer).toMatch(/PAGE[\s\S]*de[\s\S]*NUMPAGES/);
    expect(header).toContain('Código: GDI-GPD-F029');
    expect(header).toContain('Versión: 01');
    expect(header).toContain('Vigencia desde: 14 de septiembre de 2023');
    expect(header).toContain('Acta versión 1');
    expect(header).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('keeps every table row whole, the signature block in one piece, and headings and labels with what follows', async () => {
    const long: ActaContent = { ...acta, attendees: Array.from({ length: 60 }, (_, i) => ({ name: `Persona ${i + 1} con un nombre largo`, role: 'Profesional especializado' })) };
    const { xml } = await documentText(await actaDocx(long, { secretary: null, presiding: null }));
    const all = tables(xml);
    for (const rows of all) for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    const signatures = all.at(-1)!;
    expect(text(signatures[0]!)).toBe('Preside Secretario/a');
    expect(signatures[0]!.match(/<w:keepNext\/>/g)).toHaveLength(2);
    const paras = paragraphs(xml);
    for (const title of ['1. Información general', '3. Asistentes', '10. Firmas', 'Conversaciones', 'Reconocimientos']) {
      expect(paras.find((p) => p.text === title), title).toMatchObject({ keepNext: true });
    }
    expect(paras.find((p) => p.text === 'Revisar el avance de los OKR del cuarto trimestre.')).toMatchObject({ keepNext: false });
    const attendees = all.find((rows) => text(rows[0]!) === 'Nombre Cargo / rol')!;
    expect(attendees).toHaveLength(1 + 60 + 1); // header, attendees, the guest
    expect(attendees[0]).toContain('<w:tblHeader/>');
  });
});
