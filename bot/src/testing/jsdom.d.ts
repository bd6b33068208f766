/** The part of jsdom (a dev dependency without bundled types) the bot's tests use: parsing XML such as `$metadata`. */
declare module 'jsdom' {
  export class JSDOM {
    constructor(markup: string, options?: { contentType?: string });
    readonly window: { document: XmlDocument };
  }
  interface XmlElement {
    readonly namespaceURI: string | null;
    getAttribute(name: string): string | null;
    getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
  }
  interface XmlDocument {
    readonly documentElement: XmlElement;
    querySelector(selector: string): XmlElement | null;
    getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
  }
}
