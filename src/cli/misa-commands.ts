/**
 * MISA commands: export a period as one template (.xlsx) or every template (.zip), or only
 * check it; read and set the account mapping; import MISA files into a fund.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { mappingBody } from '../api/misa-schemas.js';
import type { Caller } from '../app/caller.js';
import { misaExport, misaValidation, type MisaExportRequest } from '../app/exports/misa-export.js';
import { getMisaMapping, setMisaMapping } from '../app/exports/misa-mapping.js';
import { misaImport } from '../app/imports/misa-import.js';
import type { Store } from '../db/store.js';
import { MISA_PRODUCTS, MISA_TEMPLATES, type MisaProduct, type MisaTemplate } from '../export/misa/layout.js';
import { readJsonInput } from './input-file.js';
import { need, report, UsageError, type Options } from './options.js';
import { range } from './report-commands.js';

export const MISA_USAGE = `  misa-export --entity CODE [--template T] [--product sme|amis] (--period P | --from D --to D)
              (--out FILE | --check) [--clean-only] [--skip-sent]
                                              the period as MISA import files: one template (.xlsx), or
                                              without --template every one (.zip); --check prints the
                                              validation report; T: ${MISA_TEMPLATES.join(', ')}
  misa-mapping --entity CODE [--product sme|amis] [--file F.json]
                                              print the account mapping, or set it from F.json
  misa-import --entity CODE --file F[,G…] [--post] [--check] [--opening-date D]
                                              read MISA files (.xlsx or an export's .zip) into the fund`;

function productOf(options: Options): MisaProduct {
  const product = options.product ?? 'sme';
  if (!(MISA_PRODUCTS as readonly string[]).includes(product)) throw new UsageError(`--product must be one of ${MISA_PRODUCTS.join(', ')}`);
  return product as MisaProduct;
}

async function exportCommand(store: Store, options: Options, actor: Caller): Promise<number> {
  const template = options.template;
  if (template !== undefined && !(MISA_TEMPLATES as readonly string[]).includes(template)) throw new UsageError(`--template must be one of ${MISA_TEMPLATES.join(', ')}`);
  const request: MisaExportRequest = {
    entity: need(options, 'entity'), product: productOf(options), ...(template !== undefined && { template: template as MisaTemplate }), ...range(options),
    ...(options['clean-only'] && { cleanOnly: true }), ...(options['skip-sent'] && { skipSent: true }),
  };
  if (options.check) return report(misaValidation(store, request), (r) => console.log(JSON.stringify(r, null, 2)));
  const out = need(options, 'out');
  const extension = template === undefined ? '.zip' : '.xlsx';
  if (extname(out).toLowerCase() !== extension) throw new UsageError(`--out must end in ${extension}`);
  const output = misaExport(store, { ...request, actor });
  if (!output.ok) return report(output, () => undefined);
  await output.value.write(createWriteStream(out));
  console.log(`written ${out}`);
  return 0;
}

function mappingCommand(store: Store, options: Options, actor: Caller): number {
  const entity = need(options, 'entity');
  const product = productOf(options);
  if (options.file === undefined) return report(getMisaMapping(store, { entity, product }), (m) => console.log(JSON.stringify(m, null, 2)));
  const body = mappingBody.safeParse(readJsonInput(options.file));
  if (!body.success) throw new UsageError(`${options.file}: ${body.error.issues[0]?.path.join('.') ?? ''} ${body.error.issues[0]?.message ?? ''}`);
  return report(setMisaMapping(store, { entity, mapping: { product, ...body.data }, actor }), (m) => console.log(JSON.stringify(m, null, 2)));
}

async function importCommand(store: Store, options: Options, actor: Caller): Promise<number> {
  const files = need(options, 'file').split(',').map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  const result = await misaImport(store, {
    entity: need(options, 'entity'), files, actor, ...(options.post && { post: true }), ...(options.check && { check: true }),
    ...(options['opening-date'] && { openingDate: options['opening-date'] }),
  });
  return report(result, (r) => {
    if (options.json || options.check) console.log(JSON.stringify(r, null, 2));
    else console.log(`${r.imported ? 'imported' : 'checked'}: ${r.vouchers.length} vouchers (${r.posted} posted, ${r.drafts} drafts), ${r.accountsAdded.length} sub-accounts, ${r.counterparties} counterparties, ${r.openingLines} opening lines${r.notes.map((n) => `\n  ${n}`).join('')}`);
  });
}

export function runMisaCommand(command: string, store: Store, options: Options, actor: Caller): Promise<number> | number | undefined {
  switch (command) {
    case 'misa-export':
      return exportCommand(store, options, actor);
    case 'misa-mapping':
      return mappingCommand(store, options, actor);
    case 'misa-import':
      return importCommand(store, options, actor);
    default:
      return undefined;
  }
}
