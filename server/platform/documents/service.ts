import type { Readable } from 'node:stream';
import type { DocumentView } from '#shared/platform/documents/contract.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { AppError, NotFoundError } from '../http/errors.ts';
import { platformMessage } from '../i18n/platform-messages.ts';
import { detectFileType, safeFilename } from './file-types.ts';
import { documentCounts } from './repo.ts';
import { type FileStore, FileTooLargeError } from './store.ts';

/**
 * A document whose stored file is absent from the files folder: a server fault the operator must fix
 * (restore the files, or start the process with the right STEWARD_FILES_DIR), said as such rather than as a
 * bare internal error. The path stays in the log; the answer names the document only.
 */
export class StoredFileMissingError extends AppError {
  readonly path: string;
  constructor(documentId: string, filename: string, filePath: string) {
    super(
      500,
      'stored-file-missing',
      'Stored file missing',
      `The stored file of the document "${filename}" is missing from the files folder. An administrator can list every such document with "steward files verify".`,
      { documentId },
    );
    this.path = filePath;
  }
}

/**
 * Who may see or attach documents of an entity: each module registers its entity types. The resolver
 * checks the actor's access to that record (throwing 404 or 403) and returns the record's site.
 */
export type DocumentOwnerResolver = (
  actor: Actor,
  entityId: string,
  intent: 'read' | 'write',
) => Promise<string | null>;

/**
 * What a module does when a file is attached to one of its records, in the upload's transaction (a notice to
 * the people who wait for it): a failure here undoes the upload.
 */
export type DocumentAttachedHook = (
  trx: Db,
  actor: Actor,
  attached: { entityId: string; siteId: string | null; documentId: string; filename: string },
) => Promise<void>;

export function createDocumentsService(db: Db, store: FileStore, maxBytes: number) {
  const owners = new Map<string, DocumentOwnerResolver>();
  const attachedHooks = new Map<string, DocumentAttachedHook>();

  async function siteOf(actor: Actor, entityType: string, entityId: string, intent: 'read' | 'write') {
    const resolver = owners.get(entityType);
    if (!resolver) throw new NotFoundError(`${entityType} record`);
    return resolver(actor, entityId, intent);
  }

  const view = (d: {
    id: string;
    entity_type: string;
    entity_id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    created_at: Date;
    uploaded_by: string | null;
    uploaded_by_name: string | null;
  }): DocumentView => ({
    id: d.id,
    entityType: d.entity_type,
    entityId: d.entity_id,
    filename: d.filename,
    contentType: d.content_type,
    sizeBytes: Number(d.size_bytes),
    sha256: d.sha256,
    uploadedBy: d.uploaded_by,
    uploadedByName: d.uploaded_by_name,
    createdAt: d.created_at.toISOString(),
  });

  const rows = () =>
    db
      .selectFrom('documents')
      .leftJoin('users', 'users.id', 'documents.uploaded_by')
      .selectAll('documents')
      .select('users.display_name as uploaded_by_name')
      .where('documents.deleted_at', 'is', null);

  return {
    /** How many documents each of these owner records holds, by id (0 for those without any). */
    async countsByOwner(entityType: string, entityIds: readonly string[], handle: Db = db) {
      const counts = new Map<string, number>(entityIds.map((id) => [id, 0]));
      for (const r of await documentCounts(handle, entityType, entityIds))
        counts.set(r.entity_id, Number(r.n));
      return counts;
    },

    registerOwner(
      entityType: string,
      resolver: DocumentOwnerResolver,
      options: { onAttached?: DocumentAttachedHook } = {},
    ) {
      owners.set(entityType, resolver);
      if (options.onAttached) attachedHooks.set(entityType, options.onAttached);
    },

    async list(actor: Actor, entityType: string, entityId: string) {
      await siteOf(actor, entityType, entityId, 'read');
      const found = await rows()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('documents.created_at')
        .execute();
      return found.map(view);
    },

    /**
     * Stores an upload: streamed to disk with its size limit, its type recognised from its content, and
     * its row and audit event written in one transaction. Anything refused leaves no file behind.
     */
    async upload(
      actor: Actor,
      entityType: string,
      entityId: string,
      file: { filename: string; stream: Readable },
    ) {
      const siteId = await siteOf(actor, entityType, entityId, 'write');
      let stored: Awaited<ReturnType<FileStore['put']>>;
      try {
        stored = await store.put(file.stream, maxBytes);
      } catch (error) {
        if (error instanceof FileTooLargeError)
          throw new AppError(413, 'too-large', 'File too large', error.message);
        throw error;
      }
      const type = await detectFileType(stored.head, file.filename);
      if (!type || stored.size === 0) {
        await store.remove(stored.key);
        throw new AppError(
          415,
          'unsupported-type',
          'Unsupported file type',
          stored.size === 0
            ? 'The file is empty.'
            : 'This kind of file is not accepted: upload a PDF, an image (PNG, JPEG, GIF, WebP, HEIC), an Office document (docx, xlsx, pptx) or a text or CSV file.',
        );
      }
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('documents')
            .values({
              site_id: siteId,
              entity_type: entityType,
              entity_id: entityId,
              filename: safeFilename(file.filename),
              content_type: type.contentType,
              size_bytes: stored.size,
              sha256: stored.sha256,
              storage_key: stored.key,
              uploaded_by: actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, actor, {
            action: 'document.uploaded',
            entityType: 'document',
            entityId: row.id,
            siteId,
            // The record it is attached to is in the event's details (entity_type, entity_id).
            summary: platformMessage('platform.audit.documentAttached', { file: row.filename }),
            after: { ...row, storage_key: undefined },
          });
          await attachedHooks.get(entityType)?.(trx, actor, {
            entityId,
            siteId,
            documentId: row.id,
            filename: row.filename,
          });
          return view({ ...row, uploaded_by_name: null });
        });
      } catch (error) {
        await store.remove(stored.key);
        throw error;
      }
    },

    async open(actor: Actor, id: string) {
      const doc = await rows().where('documents.id', '=', id).executeTakeFirst();
      if (!doc) throw new NotFoundError('document');
      await siteOf(actor, doc.entity_type, doc.entity_id, 'read');
      const file = await store.openRead(doc.storage_key);
      if (!file) throw new StoredFileMissingError(doc.id, doc.filename, store.pathOf(doc.storage_key));
      return { document: view(doc), stream: file.stream };
    },

    async remove(actor: Actor, id: string) {
      const doc = await rows().where('documents.id', '=', id).executeTakeFirst();
      if (!doc) throw new NotFoundError('document');
      const siteId = await siteOf(actor, doc.entity_type, doc.entity_id, 'write');
      // A person outside the company (a granted record, no role) may add files to the record, and take back
      // only their own: never what the company attached.
      if (actor.assignments.length === 0 && doc.uploaded_by !== actor.userId)
        throw new AppError(403, 'forbidden', 'Forbidden', 'You may remove only the files you attached.');
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('documents').set({ deleted_at: new Date() }).where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'document.removed',
          entityType: 'document',
          entityId: id,
          siteId,
          summary: platformMessage('platform.audit.documentRemoved', { file: doc.filename }),
          before: { filename: doc.filename, entity_type: doc.entity_type, entity_id: doc.entity_id },
        });
      });
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
