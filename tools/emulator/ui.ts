/** Ui and Menu facades: everything is recorded in emu.ui for tests and the preview. */
import type { HtmlOutputLike, MenuLike, UiLike } from '../../src/sheets/apps-script';
import { unwrap, type Execution } from './execution';
import { HtmlOutputFacade } from './html';
import type { MenuItemRecord } from './types';

export function uiFacade(x: Execution): UiLike {
  return x.wrap('Ui', new UiFacade(x));
}

class MenuFacade implements MenuLike {
  readonly _items: MenuItemRecord[] = [];
  constructor(
    private readonly x: Execution,
    readonly _title: string,
  ) {}
  private _self(): MenuLike {
    return this.x.wrap('Menu', this);
  }
  addItem(caption: string, functionName: string): MenuLike {
    this._items.push({ caption: String(caption), functionName: String(functionName) });
    return this._self();
  }
  addSeparator(): MenuLike {
    this._items.push('separator');
    return this._self();
  }
  addSubMenu(menu: MenuLike): MenuLike {
    const sub = unwrap<MenuFacade>(menu, 'Menu');
    this._items.push({ caption: sub._title, functionName: '', items: sub._items });
    return this._self();
  }
  /** Records the menu; a menu with the same title replaces the earlier one (onOpen runs at every open). */
  addToUi(): void {
    const menus = this.x.emu.ui.menus;
    const rec = { title: this._title, items: [...this._items] };
    const i = menus.findIndex((m) => m.title === this._title);
    if (i >= 0) menus[i] = rec;
    else menus.push(rec);
  }
}

class UiFacade implements UiLike {
  constructor(private readonly x: Execution) {}
  createAddonMenu(): MenuLike {
    return this.x.wrap('Menu', new MenuFacade(this.x, this.x.emu.options.addonName));
  }
  createMenu(caption: string): MenuLike {
    return this.x.wrap('Menu', new MenuFacade(this.x, String(caption)));
  }
  showSidebar(userInterface: HtmlOutputLike): void {
    const h = unwrap<HtmlOutputFacade>(userInterface, 'HtmlOutput');
    const rec: { title: string; content: string; file?: string } = { title: h._title, content: h._content };
    if (h._file !== undefined) rec.file = h._file;
    this.x.emu.ui.sidebars.push(rec);
  }
  showModalDialog(userInterface: HtmlOutputLike, title: string): void {
    const h = unwrap<HtmlOutputFacade>(userInterface, 'HtmlOutput');
    this.x.emu.ui.dialogs.push({ title: String(title), content: h._content });
  }
  alert(prompt: string): GoogleAppsScript.Base.Button {
    this.x.emu.ui.alerts.push(String(prompt));
    return this.x.emu.enums.Button.OK as unknown as GoogleAppsScript.Base.Button;
  }
}
