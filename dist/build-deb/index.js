import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"../chunks/chunk-3MURNCEE.js";import"../chunks/chunk-6JHUWM2L.js";i();var[{runActionEntry:o},{buildDebAction:t}]=await Promise.all([import("../chunks/action-entry-CYH5DJBW.js"),import("../chunks/definitions-WJYTMNMY.js")]);await o(t);
//# sourceMappingURL=index.js.map
