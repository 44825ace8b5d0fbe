// citation-js ships no types; these are the parts used here.
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
  }
  export interface CslItem {
    id?: string;
    type?: string;
    title?: string;
    'container-title'?: string;
    publisher?: string;
    'publisher-place'?: string;
    author?: CslName[];
    editor?: CslName[];
    issued?: { 'date-parts'?: (number | string)[][]; literal?: string; raw?: string };
    page?: string;
    volume?: string | number;
    issue?: string | number;
    DOI?: string;
    URL?: string;
    ISBN?: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown, options?: object);
    data: CslItem[];
    format(format: 'bibliography', options?: { format?: 'text' | 'html'; template?: string; lang?: string }): string;
    static async(data: unknown, options?: object): Promise<Cite>;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
