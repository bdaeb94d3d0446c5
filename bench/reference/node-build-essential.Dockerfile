# The comparison row: a common hand-written Node Dockerfile that installs a C toolchain whether or
# not any dependency needs one, in a single stage.
FROM node:26-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential python3 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
