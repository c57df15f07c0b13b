/** HtmlService and HtmlOutput facades. */
import type { HtmlOutputLike, HtmlServiceLike } from '../../src/sheets/apps-script';
import { ServiceError } from './errors';
import type { Execution } from './execution';

export function htmlServiceFacade(x: Execution): HtmlServiceLike {
  return x.wrap('HtmlService', new HtmlServiceFacade(x));
}

export class HtmlOutputFacade implements HtmlOutputLike {
  _title = '';
  _width = 0;
  _height = 0;
  constructor(
    private readonly x: Execution,
    public _content: string,
    readonly _file?: string,
  ) {}
  private _self(): HtmlOutputLike {
    return this.x.wrap('HtmlOutput', this);
  }
  setTitle(title: string): HtmlOutputLike {
    this._title = String(title);
    return this._self();
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): HtmlOutputLike {
    this._width = width;
    return this._self();
  }
  getWidth(): number {
    return this._width;
  }
  setHeight(height: number): HtmlOutputLike {
    this._height = height;
    return this._self();
  }
  getHeight(): number {
    return this._height;
  }
  getContent(): string {
    return this._content;
  }
  append(addedContent: string): HtmlOutputLike {
    this._content += String(addedContent);
    return this._self();
  }
  setContent(content: string): HtmlOutputLike {
    this._content = String(content);
    return this._self();
  }
}

class HtmlServiceFacade implements HtmlServiceLike {
  constructor(private readonly x: Execution) {}
  createHtmlOutputFromFile(filename: string): HtmlOutputLike {
    const name = String(filename).replace(/\.html$/, '');
    const files = this.x.emu.options.htmlFiles;
    if (!Object.prototype.hasOwnProperty.call(files, name)) throw new ServiceError(`No HTML file named ${name} was found.`);
    return this.x.wrap('HtmlOutput', new HtmlOutputFacade(this.x, files[name], name));
  }
  createHtmlOutput(html?: string): HtmlOutputLike {
    return this.x.wrap('HtmlOutput', new HtmlOutputFacade(this.x, html === undefined ? '' : String(html)));
  }
}
