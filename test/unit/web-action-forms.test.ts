// The console's action forms against the committed schema: the catalogue names every driver mutation and only
// real ones, the introspection document the forms send is valid and yields the fields and payloads the schema has,
// and typed text becomes the input the mutation takes (or an error on the field that cannot be read).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildSchema, graphqlSync, parse, validate } from 'graphql';
import { ACTIONS, actionLabel, targetFieldOf, typeNamesOf } from '../../web/src/actions/catalogue.js';
import { inputOf, initialValue } from '../../web/src/actions/form-values.js';
import { ACTION_SCHEMA, actionDocument, actionSchemaOf, type ActionSchema, type ActionSchemaData } from '../../web/src/actions/input-schema.js';

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

function formOf(mutation: string): ActionSchema {
  const names = typeNamesOf(mutation);
  const answer = graphqlSync({ schema, source: ACTION_SCHEMA, variableValues: names });
  assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  const form = actionSchemaOf(names.input, answer.data as unknown as ActionSchemaData);
  assert.ok(form, mutation);
  return form;
}

describe('console action forms', () => {
  it('offers every instance, host and aggregate mutation, and only mutations the schema has', () => {
    const driverMutations = Object.keys(schema.getMutationType()!.getFields()).filter((name) => /^(instance|host|aggregate|pool)[A-Z]/.test(name));
    assert.deepEqual(ACTIONS.map((action) => action.mutation).sort(), driverMutations.sort());
    for (const action of ACTIONS.filter((item) => !item.target.startsWith('new-'))) {
      const field = targetFieldOf(action);
      assert.ok(formOf(action.mutation).fields.some(({ name }) => name === field), `${action.mutation} takes its target as ${field}`);
    }
  });

  it('builds a form from the input type: required fields first, enums with their values, defaults kept', () => {
    const reboot = formOf('instanceReboot');
    assert.deepEqual(reboot.fields.map((field) => field.name), ['id', 'type', 'idempotencyKey']);
    assert.deepEqual(reboot.fields[1]!.shape, { kind: 'enum', values: ['HARD', 'SOFT'] });
    const power = formOf('hostPowerAction').fields.find((field) => field.name === 'evacuate')!;
    assert.equal(power.required, false, 'a field with a default may be left out');
    assert.equal(initialValue(power), 'false');
    const spawn = formOf('instanceSpawn').fields;
    assert.deepEqual(spawn.find((field) => field.name === 'networkIds')!.shape, { kind: 'list', item: 'id' });
    assert.equal(spawn.find((field) => field.name === 'volumes')!.shape.kind, 'json');
    assert.equal(spawn.find((field) => field.name === 'metadata')!.shape.kind, 'json');
  });

  it('sends a mutation document the schema accepts, asking for the operation where the payload has one', () => {
    for (const mutation of ['instanceSpawn', 'instanceLiveMigrate', 'aggregateCreate', 'hostSetEnabled']) {
      const form = formOf(mutation);
      const document = actionDocument(mutation, form);
      assert.deepEqual(validate(schema, parse(document)), [], mutation);
      assert.equal(document.includes('operation { id }'), form.payloads.some((payload) => payload.hasOperation), mutation);
    }
    assert.ok(formOf('instanceLiveMigrate').payloads.some((payload) => payload.hasOperation));
    assert.ok(!formOf('aggregateCreate').payloads.some((payload) => payload.hasOperation));
  });

  it('turns typed text into the input, leaving empty optional fields out', () => {
    const fields = formOf('instanceSpawn').fields;
    const parsed = inputOf(fields, { name: 'web-1', flavorId: 'f1', networkIds: 'n1, n2', metadata: '{"role":"db"}', userData: '' }, {});
    assert.deepEqual(parsed, { input: { name: 'web-1', flavorId: 'f1', networkIds: ['n1', 'n2'], metadata: { role: 'db' } } });
    const fixed = inputOf(formOf('instancePowerOff').fields, { timeout: '30' }, { id: 'i1' });
    assert.deepEqual(fixed, { input: { id: 'i1', timeout: 30 } });
  });

  it('names the field whose text cannot be read, or that is required and empty', () => {
    const parsed = inputOf(formOf('instancePowerOff').fields, { timeout: 'soon' }, { id: 'i1' });
    assert.ok('errors' in parsed);
    assert.deepEqual(parsed.errors.map((error) => error.path), [['input', 'timeout']]);
    const missing = inputOf(formOf('instanceSpawn').fields, { name: 'x', metadata: '{oops' }, {});
    assert.ok('errors' in missing);
    assert.deepEqual(missing.errors.map((error) => error.path).sort(), [['input', 'flavorId'], ['input', 'metadata']]);
  });

  it('labels buttons with the mutation in words, naming what a creating action makes', () => {
    const label = (mutation: string) => actionLabel(ACTIONS.find((action) => action.mutation === mutation)!);
    assert.equal(label('instanceLiveMigrate'), 'Live migrate');
    assert.equal(label('instanceSpawn'), 'Spawn instance');
    assert.equal(label('aggregateCreate'), 'Create aggregate');
    assert.equal(label('hostSetMaintenanceMode'), 'Set maintenance mode');
    assert.equal(label('poolRollingReboot'), 'Rolling reboot');
  });
});
