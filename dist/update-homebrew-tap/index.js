import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as r}from"../chunks/chunk-PMYCSZIJ.js";import"../chunks/chunk-DUTYZMLL.js";import"../chunks/chunk-F2OQBYRP.js";import"../chunks/chunk-CAHO644G.js";import"../chunks/chunk-4IMPNUJ2.js";import"../chunks/chunk-WM36CLL6.js";import{a as t}from"../chunks/chunk-FLLG7OJP.js";import{c as o}from"../chunks/chunk-L2MW37RY.js";import"../chunks/chunk-NOSJUC3V.js";import"../chunks/chunk-6JHUWM2L.js";await o(r,new t);
//# sourceMappingURL=index.js.map
