import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{c as o}from"../chunks/chunk-GUY4W2P2.js";import"../chunks/chunk-PSSDCP2N.js";import"../chunks/chunk-WTRDJFTV.js";import"../chunks/chunk-FO5CTNKO.js";import"../chunks/chunk-VRYFODYF.js";import{a as t}from"../chunks/chunk-A275GYI6.js";import{g as i}from"../chunks/chunk-KC735A2M.js";import"../chunks/chunk-6JHUWM2L.js";await i(o,new t);
//# sourceMappingURL=index.js.map
