/**
 * The UI's own strings for the browser tests, so they find controls by the label a person reads
 * without copying the copy: change a string and the tests follow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };

const DIR = 'src/lib/i18n/locales';

function messages(lang: 'ar' | 'en'): Tree {
	return readdirSync(DIR)
		.filter((file) => file === `${lang}.json` || file.endsWith(`.${lang}.json`))
		.reduce<Tree>(
			(all, file) => ({ ...all, ...JSON.parse(readFileSync(join(DIR, file), 'utf8')) }),
			{}
		);
}

const TREES = { ar: messages('ar'), en: messages('en') };

/** The string at `key` (e.g. `teach.signin.submit`) in `lang`, with `{{name}}` filled in. */
export function tx(lang: 'ar' | 'en', key: string, values: Record<string, string | number> = {}) {
	let node: string | Tree | undefined = TREES[lang];
	for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
	if (typeof node !== 'string') throw new Error(`No string ${key} in ${lang}`);
	return node.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
