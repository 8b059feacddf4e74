(function(){
"use strict";
/* evidence links: open the source, scroll to the paragraph and highlight the exact characters */
function clearMarks(){document.querySelectorAll("mark.hit").forEach(function(m){var p=m.parentNode;p.replaceChild(document.createTextNode(m.textContent),m);p.normalize();});}
function highlight(doc,start,end){
  var art=document.getElementById(doc);if(!art||!art.classList.contains("doc")){return false;}
  var det=art.querySelector("details");if(det){det.open=true;}
  var blocks=art.querySelectorAll("[data-start]"),first=null;
  blocks.forEach(function(b){
    var bs=+b.dataset.start,be=+b.dataset.end;if(be<=start||bs>=end){return;}
    var target=b.querySelector("figcaption")||b,text=target.textContent;
    var s=Math.max(0,start-bs),e=Math.min(text.length,end-bs);
    target.textContent="";target.appendChild(document.createTextNode(text.slice(0,s)));
    var m=document.createElement("mark");m.className="hit";m.textContent=text.slice(s,e);target.appendChild(m);
    target.appendChild(document.createTextNode(text.slice(e)));if(!first){first=m;}
  });
  if(first){first.setAttribute("tabindex","-1");first.scrollIntoView({behavior:"smooth",block:"center"});first.classList.add("flash");first.focus({preventScroll:true});}
  return !!first;
}
document.addEventListener("click",function(ev){
  var a=ev.target.closest&&ev.target.closest("a.ev");if(!a){return;}
  clearMarks();if(highlight(a.dataset.doc,+a.dataset.start,+a.dataset.end)){ev.preventDefault();}
});
/* SVG marks link to table rows: flash the row they point to */
document.addEventListener("click",function(ev){
  var a=ev.target.closest&&ev.target.closest("svg a");if(!a){return;}
  var id=(a.getAttribute("href")||"").slice(1),row=document.getElementById(id);if(!row){return;}
  var det=row.closest("details");if(det){det.open=true;}
  row.classList.remove("flash");void row.offsetWidth;row.classList.add("flash");
});
/* print everything: open the collapsed sections before printing */
window.addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true;});});
})();
