/**
 * A TypeDoc plugin that names each module after the import specifier users write
 * (`@referkit/events/code`) instead of its source path (`events/src/code`).
 */
import { Converter, ReflectionKind } from 'typedoc';
import { publicEntries } from '../../scripts/docs.mjs';

/** Registers the renaming on TypeDoc's converter. */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const specifiers = new Map(publicEntries().map((entry) => [entry.source, entry.specifier]));
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const file = module.sources?.[0]?.fullFileName;
      const specifier = file && specifiers.get(file);
      if (specifier) module.name = specifier;
    }
  });
}
