import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{b as i}from"../chunks/chunk-JX7HXDZN.js";import"../chunks/chunk-2QBZJ5SJ.js";import"../chunks/chunk-FO5CTNKO.js";import"../chunks/chunk-VRYFODYF.js";import{a as r}from"../chunks/chunk-A275GYI6.js";import{g as o}from"../chunks/chunk-KC735A2M.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new r);
//# sourceMappingURL=index.js.map
