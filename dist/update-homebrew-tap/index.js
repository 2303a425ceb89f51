import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as r}from"../chunks/chunk-V5J4UDCO.js";import"../chunks/chunk-UZBZGBHI.js";import"../chunks/chunk-AK2GNXAM.js";import"../chunks/chunk-IGIEERAL.js";import"../chunks/chunk-NBDZVR7T.js";import"../chunks/chunk-FB6Z3POH.js";import"../chunks/chunk-ONWG64IV.js";import{a as t}from"../chunks/chunk-A275GYI6.js";import{g as o}from"../chunks/chunk-KC735A2M.js";import"../chunks/chunk-6JHUWM2L.js";await o(r,new t);
//# sourceMappingURL=index.js.map
