import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as t}from"../chunks/chunk-3MURNCEE.js";import"../chunks/chunk-6JHUWM2L.js";t();var[{runActionEntry:o},{detectVersionAction:i}]=await Promise.all([import("../chunks/action-entry-CYH5DJBW.js"),import("../chunks/definitions-WJYTMNMY.js")]);await o(i);
//# sourceMappingURL=index.js.map
