// One form for any action: its fields come from the mutation's input type, its answer is either the Operation
// it started (followed live right here) or typed errors, each placed next to the field its path names.
import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field, FieldErrors } from '../components/form/Field.js';
import { errorsByField, type UserErrorLike } from '../components/form/user-errors.js';
import { OperationProgress } from '../operations/OperationProgress.js';
import { actionLabel, type ActionSpec } from './catalogue.js';
import { initialValue, inputOf, type FormValues } from './form-values.js';
import { hasChoices, useIdChoices } from './id-choices.js';
import { actionDocument, useActionSchema, type InputField } from './input-schema.js';

/** Sent again with the same request, the API answers the first result; a form is one request per submit. */
const HIDDEN_FIELDS = new Set(['idempotencyKey']);

interface ActionResult {
  result: { __typename: string; message?: string; code?: string; path?: string[] | null; operation?: { id: string } };
}

export interface ActionFormProps {
  readonly action: ActionSpec;
  /** Inputs the page already knows (the target's `id`): not shown, always sent. */
  readonly fixed: Readonly<Record<string, unknown>>;
  readonly onDone?: (typename: string) => void;
}

export function ActionForm({ action, fixed, onDone }: ActionFormProps) {
  const { schema, error } = useActionSchema(action.mutation);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!schema) return <p role="status">Loading the form…</p>;
  return <LoadedActionForm action={action} fixed={fixed} onDone={onDone}
    fields={schema.fields.filter((field) => !(field.name in fixed) && !HIDDEN_FIELDS.has(field.name))}
    document={actionDocument(action.mutation, schema)} />;
}

function LoadedActionForm({ action, fixed, fields, document, onDone }: ActionFormProps & { fields: readonly InputField[]; document: string }) {
  const formId = `action-${action.mutation}`;
  const [values, setValues] = useState<FormValues>(() => Object.fromEntries(fields.map((field) => [field.name, initialValue(field)])));
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [accepted, setAccepted] = useState<{ operationId: string | null } | null>(null);
  const [sent, send] = useMutation<ActionResult>(document);
  const byField = useMemo(() => errorsByField(errors, fields.map((field) => field.name)), [errors, fields]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = inputOf(fields, values, fixed);
    if ('errors' in parsed) return setErrors(parsed.errors);
    const answer = await send({ input: parsed.input });
    const result = answer.data?.result;
    if (!result) {
      const messages = answer.error?.graphQLErrors.map((item) => item.message) ?? [];
      return setErrors([{ message: messages.join(' ') || 'The server cannot be reached.' }]);
    }
    if (typeof result.message === 'string') return setErrors([result as UserErrorLike]);
    setErrors([]);
    setAccepted({ operationId: result.operation?.id ?? null });
    onDone?.(result.__typename);
  };
  const set = (name: string) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  return (
    <form className="action-form" aria-labelledby={`${formId}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={`${formId}-title`}>{actionLabel(action)}</h3>
      <FieldErrors id={`${formId}-errors`} errors={byField.get('')} />
      {fields.map((field) => (
        <Field key={field.name} id={`${formId}-${field.name}`} label={field.required ? `${field.name} (required)` : field.name}
          hint={hintOf(field)} errors={byField.get(field.name)}>
          <InputControl field={field} value={values[field.name] ?? ''} onChange={set(field.name)} />
        </Field>
      ))}
      {fields.length === 0 && <p className="muted">Nothing to fill in.</p>}
      <button type="submit" disabled={sent.fetching}>{actionLabel(action)}</button>
      {accepted?.operationId && <OperationProgress key={accepted.operationId} id={accepted.operationId} />}
      {accepted && !accepted.operationId && <p role="status" data-testid="action-done">Done.</p>}
    </form>
  );
}

function hintOf(field: InputField): string | undefined {
  const format = field.shape.kind === 'json' ? 'JSON.' : field.shape.kind === 'list' && !hasChoices(field.name) ? 'Comma-separated.' : '';
  return [format, field.description ?? ''].filter(Boolean).join(' ') || undefined;
}

/** The control the field's shape calls for; ID fields with a known list become a choice of names. */
function InputControl({ field, value, onChange, ...aria }: { field: InputField; value: string; onChange: (value: string) => void }) {
  const choices = useIdChoices(hasChoices(field.name) ? field.name : '');
  const shape = field.shape;
  if (choices && shape.kind !== 'list') {
    return (
      <select value={value} onChange={(event) => onChange(event.target.value)} {...aria}>
        <option value="">{field.required ? 'Choose…' : '(none)'}</option>
        {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.name}</option>)}
      </select>
    );
  }
  if (choices) {
    const selected = value.split(',').filter(Boolean);
    return (
      <select multiple value={selected} {...aria}
        onChange={(event) => onChange([...event.target.selectedOptions].map((option) => option.value).join(','))}>
        {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.name}</option>)}
      </select>
    );
  }
  if (shape.kind === 'boolean' || shape.kind === 'enum') {
    const options = shape.kind === 'enum' ? shape.values : ['true', 'false'];
    return (
      <select value={value} onChange={(event) => onChange(event.target.value)} {...aria}>
        {!(shape.kind === 'boolean' && field.required) && <option value="">{field.required ? 'Choose…' : '(default)'}</option>}
        {options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    );
  }
  if (shape.kind === 'json') {
    return <textarea rows={3} value={value} onChange={(event) => onChange(event.target.value)} {...aria} />;
  }
  const numeric = shape.kind === 'int' || shape.kind === 'float';
  const secret = /password/i.test(field.name);
  return <input type={secret ? 'password' : 'text'} inputMode={numeric ? 'decimal' : undefined} autoComplete="off"
    value={value} onChange={(event) => onChange(event.target.value)} {...aria} />;
}
