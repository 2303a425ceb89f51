import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as x,b as P,c as O,d as I,e as T,f as C,g as E}from"./chunk-WAE7QYOC.js";import{a as y,b as S}from"./chunk-2MK3OAOS.js";import{a as v,b as A}from"./chunk-ZVMBOYBH.js";import"./chunk-6LD4ILLZ.js";import{a as j}from"./chunk-D5YCXRQJ.js";import"./chunk-T6PRKEMX.js";import{a as k}from"./chunk-ORWTWY2T.js";import"./chunk-HE4ZWK6J.js";import{a as l,c as w}from"./chunk-NOSJUC3V.js";import{a as c}from"./chunk-6JHUWM2L.js";import{readFileSync as _}from"node:fs";var g=class{constructor(e,t={}){this.inputs=e;this.options=t}inputs;options;static{c(this,"CliIO")}outputs=new Map;secrets=[];print(e){(this.options.write??(t=>process.stderr.write(t)))(this.mask(e)+`
`)}mask(e){let t=e;for(let r of this.secrets)r&&(t=t.split(r).join("***"));return t}getInput(e){let t=this.inputs.get(e);return t===void 0||t===""?void 0:t}setOutput(e,t){this.outputs.set(e,t)}setSecret(e){this.secrets.push(e)}debug(e){this.options.debug&&this.print(`debug: ${e}`)}info(e){this.options.quiet||this.print(e)}warning(e,t){this.print(`warning: ${t?w(t)+": ":""}${e}`)}error(e,t){this.print(`error: ${t?w(t)+": ":""}${e}`)}async group(e,t){return this.info(`== ${e}`),t()}async summaryFiles(e,t,r){let n=t.some(i=>i.status),s=["file","size","sha256",...n?["status"]:[]],o=t.map(i=>[i.url??i.name,v(i.size),i.sha256,...n?[i.status??""]:[]]);this.info(`
${e}
${A(s,o)}${r?`
${r}`:""}
`)}setFailed(e){this.print(`error: ${e}`),process.exitCode=1}isDebug(){return!!this.options.debug}};var F={name:"pipeline",description:"Build everything the config describes into one output folder (no publishing).",inputs:{"working-directory":{description:"Directory the config, its paths and output-dir are relative to.",default:"."},config:{description:"Path of the package-actions config file.",default:k},version:{description:"Version to build; default: `version:` in the config."},"output-dir":{description:"Folder everything is written to.",default:"out"},repository:{description:"owner/name the install scripts download from (default: GITHUB_REPOSITORY)."},"server-url":{description:"GitHub (or GHES) web address for the install scripts (default: GITHUB_SERVER_URL, else https://github.com)."},threads:{description:"Worker threads for compression; 0 means one per CPU core.",default:"0",kind:"integer"},...j},outputs:{files:{description:"JSON list of every file written."}},async run(a){return(await import("./pipeline-run-LA2WT5TW.js")).runPipeline(a)}};var $=[I,P,O,x,T,E,C,F];function N(a,e,t,r){let n=new Map,s={inputs:n,debug:!1,help:!1,json:!1};for(let o=0;o<a.length;o++){let i=a[o]??"";if(i==="--help"||i==="-h"){s.help=!0;continue}if(i==="--debug"){s.debug=!0;continue}if(i==="--json"){s.json=!0;continue}if(!i.startsWith("--"))throw new l(`unexpected argument "${i}"`,{fix:"inputs are given as --name value; see --help"});let u=i.indexOf("="),p=u>0?i.slice(2,u):i.slice(2),f=u>0?i.slice(u+1):void 0,h=!1;!(p in e)&&p.endsWith("-file")&&e[p.slice(0,-5)]?.kind==="secret"&&(p=p.slice(0,-5),h=!0);let b=e[p];if(!b)throw new l(`unknown option --${p}`,{fix:`known options: ${Object.keys(e).map(d=>`--${d}`).join(", ")}`});if(b.kind==="secret"&&!h)throw new l(`--${p} would put a secret on the command line`,{fix:`use --${p}-file PATH or the environment variable ${m(p)}`});if(f===void 0){let d=a[o+1];if(b.kind==="boolean"&&(d===void 0||d.startsWith("--")))f="true";else{if(d===void 0)throw new l(`--${p} needs a value`);f=d,o++}}n.set(p,h?r(f):f)}for(let[o,i]of Object.entries(e))i.kind==="secret"&&!n.has(o)&&t[m(o)]&&n.set(o,t[m(o)]);return s}c(N,"parseArgs");function m(a){return`PACKAGE_ACTIONS_${a.replace(/-/g,"_").toUpperCase()}`}c(m,"envName");function R(a,e,t){let r=Object.entries(t).map(([n,s])=>`  ${s.kind==="secret"?`--${n}-file PATH | $${m(n)}`:s.kind==="boolean"?`--${n}`:`--${n} VALUE`}
      ${s.description}${s.default!==void 0&&s.default!==""?` (default: ${s.default})`:""}`);return`package-actions ${a}: ${e}

Options:
${r.join(`
`)}
  --json      print the outputs as JSON on stdout
  --debug     show debug messages and stack traces
`}c(R,"usage");async function D(a){let[e,...t]=a,r=$.find(i=>i.name===e);if(!r){let i=$.map(u=>`  ${u.name.padEnd(16)} ${u.description}`).join(`
`);process.stderr.write(`usage: package-actions <command> [options]

Commands:
${i}

Run package-actions <command> --help for its options.
`),process.exitCode=e===void 0||e==="--help"||e==="-h"?0:2;return}let n;try{n=N(t,r.inputs,process.env,i=>_(i,"utf8"))}catch(i){S(r.name,new g(new Map),i),process.exitCode=2;return}if(n.help){process.stdout.write(R(r.name,r.description,r.inputs));return}let s=new g(n.inputs,{debug:n.debug}),o=await y(r,s);if(!o){process.exitCode=1;return}if(n.json)process.stdout.write(JSON.stringify(o,null,2)+`
`);else for(let[i,u]of Object.entries(o))process.stdout.write(`${i}=${u}
`)}c(D,"main");await D(process.argv.slice(2));
//# sourceMappingURL=main-5XSHKEEW.js.map
