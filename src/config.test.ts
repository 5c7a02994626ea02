import { describe, expect, it } from 'vitest';
import { readSettings } from './config.ts';

describe('settings from the environment', () => {
  it('groups up to 64 intakes by default; 1 registers each alone; a bad value is refused by name', () => {
    expect(readSettings({}).intakeGroupMax).toBe(64);
    expect(readSettings({ HOTLINE_INTAKE_GROUP_MAX: '1' }).intakeGroupMax).toBe(1);
    expect(readSettings({ HOTLINE_INTAKE_GROUP_MAX: '0' }).intakeGroupMax).toBe(1);
    expect(() => readSettings({ HOTLINE_INTAKE_GROUP_MAX: 'many' })).toThrow(/HOTLINE_INTAKE_GROUP_MAX/);
    expect(() => readSettings({ HOTLINE_INTAKE_GROUP_MAX: '-3' })).toThrow(/HOTLINE_INTAKE_GROUP_MAX/);
  });
});
