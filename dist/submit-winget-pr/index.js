import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as t}from"../chunks/chunk-3MURNCEE.js";import"../chunks/chunk-6JHUWM2L.js";t();var[{runActionEntry:i},{submitWingetPrAction:o}]=await Promise.all([import("../chunks/action-entry-CYH5DJBW.js"),import("../chunks/definitions-WJYTMNMY.js")]);await i(o);
//# sourceMappingURL=index.js.map
