import { describe, expect, it } from 'vitest';
import { composeModules, type AppInput } from './app.js';
import { loadConfig } from './config.js';
import { defineModule } from './modules/module.js';
import { fixedClock } from './services/clock.js';
import { messageCard } from './teams/cards/simpleCards.js';
import { TEST_NOW, seededStore, silentLog } from './testing/harness.js';

async function input(): Promise<AppInput> {
  return { store: await seededStore(), clock: fixedClock(TEST_NOW), config: loadConfig({}), log: silentLog };
}

const counter = defineModule({
  name: 'counter',
  services: () => ({ counter: { value: 41 } }),
  commands: [{ phrases: ['contar'], help: 'Cuenta.', run: async ({ deps }) => messageCard('Cuenta', String(++deps.counter.value)) }],
});

describe('composeModules', () => {
  it('builds a module after the modules it uses, whatever their order in the list, and binds its commands to their services', async () => {
    const built: string[] = [];
    const double = defineModule({
      name: 'double',
      uses: [counter],
      services: (ctx) => {
        built.push('double');
        return { double: () => ctx.counter.value * 2 };
      },
      commands: [{ phrases: ['doble'], run: async ({ deps }) => messageCard('Doble', String(deps.double())) }],
    });
    const app = composeModules(await input(), [double, counter]);
    expect(app.deps.double()).toBe(82);
    expect(app.deps.help).toEqual([{ command: 'contar', description: 'Cuenta.' }]);
    const person = (await app.deps.store.getPerson('eti-1'))!;
    const [contar, doble] = [app.commands.find((c) => c.phrases.includes('contar'))!, app.commands.find((c) => c.phrases.includes('doble'))!];
    expect(await contar.run(person)).toMatchObject({ body: [{ text: 'Cuenta' }, { inlines: [{ text: '42' }] }] });
    expect(await doble.run(person)).toMatchObject({ body: [{ text: 'Doble' }, { inlines: [{ text: '84' }] }] });
    expect(built).toEqual(['double']);
  });

  it('refuses a module that uses one missing from the list, and two modules with the same phrase, verb or service', async () => {
    const uses = defineModule({ name: 'uses', uses: [counter] });
    await expect(input().then((i) => composeModules(i, [uses]))).rejects.toThrow('The module «uses» uses «counter», which is not in the module list.');
    const samePhrase = defineModule({ name: 'other', commands: [{ phrases: ['contar'], run: async () => messageCard('', '') }] });
    await expect(input().then((i) => composeModules(i, [counter, samePhrase]))).rejects.toThrow('Two modules declare the command phrase «contar».');
    const sameVerb = (name: string) => defineModule({ name, cardActions: [{ verb: 'x.go', run: async () => messageCard('', '') }] });
    await expect(input().then((i) => composeModules(i, [sameVerb('a'), sameVerb('b')]))).rejects.toThrow('Two modules declare the card action verb «x.go».');
    const sameService = defineModule({ name: 'again', services: () => ({ counter: { value: 0 } }) });
    await expect(input().then((i) => composeModules(i, [counter, sameService]))).rejects.toThrow('The service «counter» of the module «again» is already defined.');
  });
});
