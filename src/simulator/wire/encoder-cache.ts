// Encoders are compiled once per XAPI type and reused: encoding 10,000 records must not re-plan each value.
import type { XType } from '../../xapi/datamodel/index.js';
import { typeText } from './coerce.js';

export type Encoder<Out> = (value: unknown) => Out;

/** Memoises `compile` per type object, and per type text for structurally equal types built elsewhere. */
export function encoderCache<Out>(compile: (type: XType) => Encoder<Out>): (type: XType) => Encoder<Out> {
  const byType = new WeakMap<XType, Encoder<Out>>();
  const byText = new Map<string, Encoder<Out>>();
  return (type) => {
    let encoder = byType.get(type);
    if (encoder) return encoder;
    const text = typeText(type);
    encoder = byText.get(text);
    if (!encoder) {
      encoder = compile(type);
      byText.set(text, encoder);
    }
    byType.set(type, encoder);
    return encoder;
  };
}
