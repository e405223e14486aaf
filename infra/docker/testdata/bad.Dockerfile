# A Dockerfile hadolint must reject at the warning threshold (validate.sh's negative self-test): an
# untagged base image (DL3006), apt-get without pinned versions (DL3008), ADD for a local file
# (DL3020) and cd inside RUN (DL3003).
FROM node
RUN apt-get update && apt-get install -y curl
ADD package.json /app/
RUN cd /app && npm ci
