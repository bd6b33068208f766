import { describe, expect, it, vi } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  businessDaysOfMonth,
  calendarDaysThenNextBusinessDay,
  holidayName,
  holidaysIn,
  isBusinessDay,
  isHoliday,
  isWeekend,
  isWithinFirstBusinessDays,
  lastBusinessDaysOfMonth,
  nextBusinessDay,
  nthBusinessDayFrom,
  onOrNextBusinessDay,
} from './calendar.js';

describe('Colombian national holidays', () => {
  it('lists the real 2025 festivos (Sagrado Corazón and San Pedro share 30 June)', () => {
    expect(holidaysIn(2025)).toEqual([
      { date: '2025-01-01', name: 'Año Nuevo' },
      { date: '2025-01-06', name: 'Día de los Reyes Magos' }, // already a Monday: not moved
      { date: '2025-03-24', name: 'Día de San José' }, // Wed 19 Mar → Mon 24
      { date: '2025-04-17', name: 'Jueves Santo' }, // Easter: 20 April
      { date: '2025-04-18', name: 'Viernes Santo' },
      { date: '2025-05-01', name: 'Día del Trabajo' },
      { date: '2025-06-02', name: 'Ascensión del Señor' }, // Easter + 43
      { date: '2025-06-23', name: 'Corpus Christi' }, // Easter + 64
      { date: '2025-06-30', name: 'Sagrado Corazón de Jesús, San Pedro y San Pablo' }, // Easter + 71; Sun 29 Jun → Mon 30
      { date: '2025-07-20', name: 'Día de la Independencia' }, // a Sunday, not moved
      { date: '2025-08-07', name: 'Batalla de Boyacá' },
      { date: '2025-08-18', name: 'Asunción de la Virgen' }, // Fri 15 Aug → Mon 18
      { date: '2025-10-13', name: 'Día de la Raza' }, // Sun 12 Oct → Mon 13
      { date: '2025-11-03', name: 'Todos los Santos' }, // Sat 1 Nov → Mon 3
      { date: '2025-11-17', name: 'Independencia de Cartagena' }, // Tue 11 Nov → Mon 17
      { date: '2025-12-08', name: 'Inmaculada Concepción' },
      { date: '2025-12-25', name: 'Navidad' },
    ]);
  });

  it('lists the real 2026 festivos, with the Virgen de Chiquinquirá of Ley 2578 de 2026', () => {
    expect(holidaysIn(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-12', // Reyes: Tue 6 Jan → Mon 12
      '2026-03-23', // San José: Thu 19 Mar → Mon 23
      '2026-04-02', // Jueves Santo (Easter: 5 April)
      '2026-04-03', // Viernes Santo
      '2026-05-01',
      '2026-05-18', // Ascensión
      '2026-06-08', // Corpus Christi
      '2026-06-15', // Sagrado Corazón
      '2026-06-29', // San Pedro y San Pablo, already a Monday
      '2026-07-13', // Virgen de Chiquinquirá: Thu 9 Jul → Mon 13
      '2026-07-20',
      '2026-08-07',
      '2026-08-17', // Asunción: Sat 15 Aug → Mon 17
      '2026-10-12', // Día de la Raza, already a Monday
      '2026-11-02', // Todos los Santos: Sun 1 Nov → Mon 2
      '2026-11-16', // Cartagena: Wed 11 Nov → Mon 16
      '2026-12-08',
      '2026-12-25',
    ]);
    expect(holidayName('2026-07-13')).toBe('Virgen de Chiquinquirá');
    expect(isHoliday('2025-07-14')).toBe(false); // not a holiday before 2026
  });

  it('moves Emiliani holidays to Monday and leaves the original day a working day', () => {
    expect(isHoliday('2026-01-06')).toBe(false);
    expect(isBusinessDay('2026-01-06')).toBe(true);
    expect(holidayName('2026-01-12')).toBe('Día de los Reyes Magos');
    expect(isHoliday('2026-03-19')).toBe(false);
    expect(isHoliday('2026-11-11')).toBe(false);
    expect(holidayName('2027-01-11')).toBe('Día de los Reyes Magos'); // Wed 6 Jan 2027
    expect(holidayName('2027-11-01')).toBe('Todos los Santos'); // 1 Nov 2027 is a Monday
  });

  it('computes the Easter-based holidays', () => {
    expect(holidayName('2026-04-02')).toBe('Jueves Santo');
    expect(holidayName('2026-04-03')).toBe('Viernes Santo');
    expect(holidayName('2026-05-18')).toBe('Ascensión del Señor');
    expect(holidayName('2026-06-08')).toBe('Corpus Christi');
    expect(holidayName('2026-06-15')).toBe('Sagrado Corazón de Jesús');
    // Easter 2027 is 28 March.
    expect(holidaysIn(2027).filter((h) => /Santo$|Ascensión|Corpus|Sagrado/.test(h.name)).map((h) => h.date)).toEqual([
      '2027-03-25',
      '2027-03-26',
      '2027-05-10',
      '2027-05-31',
      '2027-06-07',
    ]);
  });

  it('leaves out observances and Easter Sunday, and does not move fixed holidays off weekends', () => {
    expect(isHoliday('2026-03-29')).toBe(false); // Domingo de Ramos
    expect(isHoliday('2026-04-05')).toBe(false); // Pascua
    expect(holidayName('2027-12-25')).toBe('Navidad'); // a Saturday
    expect(isBusinessDay('2027-12-27')).toBe(true); // no substitute Monday in Colombia
    expect(isHoliday('2026-12-24')).toBe(false);
    expect(isHoliday('2026-12-31')).toBe(false);
  });

  it('rejects dates that are not real calendar dates', () => {
    expect(() => holidayName('2026-02-30')).toThrow(RangeError);
    expect(() => isBusinessDay('2026-1-5')).toThrow(RangeError);
    expect(() => businessDaysOfMonth('2026-13')).toThrow(RangeError);
  });

  it('gives the same holidays whatever the machine time zone', async () => {
    const original = process.env.TZ;
    const seen: string[] = [];
    try {
      for (const tz of ['UTC', 'America/Bogota', 'Pacific/Pago_Pago', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        vi.resetModules();
        const fresh = await import('./calendar.js');
        const list = [2025, 2026, 2027].flatMap((y) => fresh.holidaysIn(y).map((h) => h.date));
        seen.push(list.join(','));
        expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe({ UTC: 0, 'America/Bogota': 300, 'Pacific/Pago_Pago': 660, 'Pacific/Kiritimati': -840 }[tz]);
        expect(fresh.isBusinessDay('2026-01-12')).toBe(false);
        expect(fresh.addBusinessDays('2026-12-24', 8)).toBe('2027-01-07');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
      vi.resetModules();
    }
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toContain('2026-01-12');
  });
});

describe('business days', () => {
  it('are Monday to Friday minus holidays', () => {
    expect(isBusinessDay('2026-11-23')).toBe(true); // Monday
    expect(isWeekend('2026-11-21')).toBe(true);
    expect(isBusinessDay('2026-11-21')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-22')).toBe(false); // Sunday
    expect(isBusinessDay('2026-11-16')).toBe(false); // holiday Monday
    expect(isWeekend('2026-11-16')).toBe(false);
    expect(isBusinessDay('2025-04-18')).toBe(false); // Viernes Santo
  });

  it('lists a month’s business days and its last n', () => {
    expect(businessDaysOfMonth('2026-11')).toHaveLength(19); // 21 weekdays − 2 and 16 Nov
    expect(businessDaysOfMonth('2025-04')).toHaveLength(20); // 22 weekdays − Semana Santa
    expect(businessDaysOfMonth('2026-11')[0]).toBe('2026-11-03');
    expect(lastBusinessDaysOfMonth('2026-11', 3)).toEqual(['2026-11-26', '2026-11-27', '2026-11-30']);
    expect(lastBusinessDaysOfMonth('2026-12', 3)).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
    expect(lastBusinessDaysOfMonth('2026-06', 3)).toEqual(['2026-06-25', '2026-06-26', '2026-06-30']); // Mon 29 is San Pedro
    expect(lastBusinessDaysOfMonth('2026-11', 0)).toEqual([]);
  });

  it('steps to the next business day', () => {
    expect(nextBusinessDay('2026-11-13')).toBe('2026-11-17'); // Fri → Tue (Mon 16 is a holiday)
    expect(nextBusinessDay('2026-11-23')).toBe('2026-11-24'); // strictly after
    expect(nextBusinessDay('2025-04-16')).toBe('2025-04-21'); // over Jueves/Viernes Santo and the weekend
    expect(onOrNextBusinessDay('2026-11-23')).toBe('2026-11-23');
    expect(onOrNextBusinessDay('2026-11-14')).toBe('2026-11-17');
  });

  it('adds business days across weekends, holidays, Semana Santa and the year end', () => {
    expect(addBusinessDays('2026-11-13', 8)).toBe('2026-11-26'); // 16 Nov off
    expect(addBusinessDays('2026-11-23', 8)).toBe('2026-12-03');
    expect(addBusinessDays('2025-04-11', 8)).toBe('2025-04-25'); // over Semana Santa 2025 (17–18 Apr)
    expect(addBusinessDays('2026-03-27', 8)).toBe('2026-04-10'); // over Semana Santa 2026 (2–3 Apr)
    expect(addBusinessDays('2026-12-24', 8)).toBe('2027-01-07'); // 25 Dec and 1 Jan off; Reyes 2027 is 11 Jan
    expect(addBusinessDays('2026-11-21', 8)).toBe('2026-12-02'); // from a Saturday: counting starts Monday
    expect(addBusinessDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(addBusinessDays('2026-11-21', 0)).toBe('2026-11-23');
    expect(addBusinessDays('2026-11-16', 0)).toBe('2026-11-17');
    expect(() => addBusinessDays('2026-11-21', -1)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-11-21', 1.5)).toThrow(RangeError);
  });

  it('counts business days d with from < d ≤ to', () => {
    expect(businessDaysBetween('2026-11-13', '2026-11-20')).toBe(4); // 17, 18, 19, 20
    expect(businessDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
    expect(businessDaysBetween('2026-11-20', '2026-11-13')).toBe(-4);
    expect(businessDaysBetween('2026-11-20', '2026-11-21')).toBe(0); // Saturday
    expect(businessDaysBetween('2025-04-16', '2025-04-21')).toBe(1);
    expect(businessDaysBetween('2026-12-31', '2027-01-04')).toBe(1); // 1 Jan holiday, weekend
    expect(businessDaysBetween('2026-10-31', '2026-11-30')).toBe(19);
    expect(businessDaysBetween('2025-12-31', '2026-12-31')).toBe(242); // 261 weekdays − 19 holidays on weekdays
  });

  it('is the inverse of addBusinessDays for every day of 2026', () => {
    for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
      for (const n of [1, 8, 20]) expect(businessDaysBetween(d, addBusinessDays(d, n))).toBe(n);
    }
  });

  it('gives "15 calendar days, else the next business day" for the plan de gestión reports', () => {
    expect(calendarDaysThenNextBusinessDay('2025-03-31', 15)).toBe('2025-04-15'); // Tuesday
    expect(calendarDaysThenNextBusinessDay('2025-12-31', 15)).toBe('2026-01-15'); // Thursday
    expect(calendarDaysThenNextBusinessDay('2026-09-30', 15)).toBe('2026-10-15'); // Thursday
    expect(calendarDaysThenNextBusinessDay('2027-12-31', 15)).toBe('2028-01-17'); // Sat 15 Jan → Mon 17
    expect(calendarDaysThenNextBusinessDay('2029-03-31', 15)).toBe('2029-04-16'); // Sun 15 Apr → Mon 16
    expect(calendarDaysThenNextBusinessDay('2022-03-31', 15)).toBe('2022-04-18'); // Fri 15 Apr 2022 was Viernes Santo
    expect(calendarDaysThenNextBusinessDay('2026-11-01', 15)).toBe('2026-11-17'); // Mon 16 Nov is a holiday
    expect(calendarDaysThenNextBusinessDay('2026-11-21', 0)).toBe('2026-11-23');
  });

  it('finds the first n business days of a semester', () => {
    expect(nthBusinessDayFrom('2027-01-01', 1)).toBe('2027-01-04');
    expect(nthBusinessDayFrom('2027-01-01', 20)).toBe('2027-02-01'); // 1 and 11 Jan off
    expect(nthBusinessDayFrom('2026-01-01', 20)).toBe('2026-01-30'); // 1 and 12 Jan off
    expect(nthBusinessDayFrom('2026-07-01', 20)).toBe('2026-07-30'); // 13 and 20 Jul off
    expect(nthBusinessDayFrom('2026-11-23', 1)).toBe('2026-11-23');
    expect(() => nthBusinessDayFrom('2026-07-01', 0)).toThrow(RangeError);
    expect(isWithinFirstBusinessDays('2027-01-01', '2027-01-01', 20)).toBe(true);
    expect(isWithinFirstBusinessDays('2027-02-01', '2027-01-01', 20)).toBe(true);
    expect(isWithinFirstBusinessDays('2027-02-02', '2027-01-01', 20)).toBe(false);
    expect(isWithinFirstBusinessDays('2026-12-31', '2027-01-01', 20)).toBe(false);
  });
});

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
