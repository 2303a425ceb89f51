import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as o}from"../chunks/chunk-DB5MM6X7.js";import"../chunks/chunk-F2OQBYRP.js";import"../chunks/chunk-CAHO644G.js";import"../chunks/chunk-4IMPNUJ2.js";import"../chunks/chunk-WM36CLL6.js";import{a as t}from"../chunks/chunk-FLLG7OJP.js";import{c as i}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await i(o,new t);
//# sourceMappingURL=index.js.map
