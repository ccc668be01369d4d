import type { PageLoad } from './$types';

// A join link is for one class: rendered on request, never prerendered.
export const prerender = false;

export const load: PageLoad = ({ params }) => ({ code: params.code.toUpperCase() });
