import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as r}from"../chunks/chunk-3L7AKB35.js";import"../chunks/chunk-PSSDCP2N.js";import"../chunks/chunk-WTRDJFTV.js";import"../chunks/chunk-FO5CTNKO.js";import"../chunks/chunk-VRYFODYF.js";import{a as t}from"../chunks/chunk-A275GYI6.js";import{g as o}from"../chunks/chunk-KC735A2M.js";import"../chunks/chunk-6JHUWM2L.js";await o(r,new t);
//# sourceMappingURL=index.js.map
