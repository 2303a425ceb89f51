import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"../chunks/chunk-W23WC3PH.js";import"../chunks/chunk-JRF3YO67.js";import"../chunks/chunk-MUTYWJRN.js";import"../chunks/chunk-2QBZJ5SJ.js";import"../chunks/chunk-IGIEERAL.js";import"../chunks/chunk-NBDZVR7T.js";import"../chunks/chunk-ONWG64IV.js";import{a as r}from"../chunks/chunk-A275GYI6.js";import{g as o}from"../chunks/chunk-KC735A2M.js";import"../chunks/chunk-6JHUWM2L.js";await o(i,new r);
//# sourceMappingURL=index.js.map
