import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as o}from"../chunks/chunk-3MURNCEE.js";import"../chunks/chunk-6JHUWM2L.js";o();var[{runActionEntry:t},{updateHomebrewTapAction:a}]=await Promise.all([import("../chunks/action-entry-CYH5DJBW.js"),import("../chunks/definitions-WJYTMNMY.js")]);await t(a);
//# sourceMappingURL=index.js.map
