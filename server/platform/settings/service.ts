import type { z } from 'zod';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { PreconditionFailedError, ValidationError } from '../http/errors.ts';
import * as repo from './repo.ts';

/**
 * A group setting: its key, the shape of its value and the value in force until someone sets one. A module
 * declares its own (a risk matrix, the rounding of rates) and reads and writes them through the
 * settings service, never the table.
 */
export type Setting<T> = {
  key: string;
  schema: z.ZodType<T>;
  defaultValue: T;
  /** The audit action of a change, `<area>.<setting>.updated`. */
  auditAction: string;
};

export function defineSetting<T>(setting: Setting<T>): Setting<T> {
  return setting;
}

export function createSettingsService(db: Db) {
  return {
    /**
     * The setting's value, or its default when none is stored. A stored value that no longer fits its
     * schema is an error, not a silent default: the group set it, and replacing it quietly would mislead.
     */
    async get<T>(setting: Setting<T>, handle: Db = db): Promise<T> {
      const stored = await repo.readSetting(handle, setting.key);
      if (stored === undefined || stored === null) return setting.defaultValue;
      const parsed = setting.schema.safeParse(stored);
      if (!parsed.success) throw new Error(`The stored setting ${setting.key} does not fit its shape`);
      return parsed.data;
    },

    /** The setting's version (0 while the default is in force): its ETag. */
    async version<T>(setting: Setting<T>, handle: Db = db): Promise<number> {
      return repo.settingVersion(handle, setting.key);
    },

    /**
     * Stores a new value inside the caller's transaction, with its audit event (before and after). Access is
     * the caller's to check; the value is checked against the setting's schema here. When the
     * request named the version it read (`If-Match`), a setting changed since is refused with 412.
     */
    async set<T>(trx: Db, actor: Actor, setting: Setting<T>, value: T): Promise<T> {
      const parsed = setting.schema.safeParse(value);
      if (!parsed.success)
        throw new ValidationError(
          `The setting ${setting.key} is not valid.`,
          parsed.error.issues.map((i) => ({ path: i.path.join('.') || setting.key, message: i.message })),
        );
      const expected = actor.settingPrecondition;
      if (expected?.key === setting.key) {
        // Locked until the change commits: two saves from the same version cannot both pass.
        const current = await repo.settingVersion(trx, setting.key, true);
        if (current !== expected.version) throw new PreconditionFailedError(current);
      }
      const before = await this.get(setting, trx);
      await repo.writeSetting(trx, setting.key, parsed.data);
      await recordAudit(trx, actor, {
        action: setting.auditAction,
        entityType: 'setting',
        entityId: setting.key,
        siteId: null,
        before,
        after: parsed.data,
      });
      return parsed.data;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
